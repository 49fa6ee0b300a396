package dev.mxj.event;

/** Content of an event type the spec defines and mxj models. Records named after the type. */
public sealed interface KnownContent extends EventContent permits RoomNameContent {
}
