/**
 * The libolm backend: {@link dev.mxj.crypto.olm.libolm.LibolmBackend}. It drives the system's
 * libolm 3 (Debian/Ubuntu package {@code libolm3}) through a small JNI library that ships inside
 * the sdk-crypto jar. Only {@code LibolmBackend} is public; everything else is an implementation
 * detail. Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.crypto.olm.libolm;

import org.jspecify.annotations.NullMarked;
