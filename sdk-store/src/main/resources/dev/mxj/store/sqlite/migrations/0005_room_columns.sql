-- 0005: the room row's RoomInfo in columns instead of one JSON text, so that reading the room list
-- on a cold start parses no JSON. Lists and maps that are usually empty (alt_aliases, heroes,
-- thread_unread) stay small JSON texts, NULL when empty. Existing rows are copied from their JSON.
-- Released: never edit this file; add a new numbered migration instead (see MIGRATIONS.md).

ALTER TABLE room ADD COLUMN name TEXT;
ALTER TABLE room ADD COLUMN topic TEXT;
ALTER TABLE room ADD COLUMN avatar_url TEXT;
ALTER TABLE room ADD COLUMN canonical_alias TEXT;
ALTER TABLE room ADD COLUMN alt_aliases TEXT;
ALTER TABLE room ADD COLUMN join_rule TEXT;
ALTER TABLE room ADD COLUMN history_visibility TEXT;
ALTER TABLE room ADD COLUMN encryption_algorithm TEXT;
ALTER TABLE room ADD COLUMN room_version TEXT NOT NULL DEFAULT '1';
ALTER TABLE room ADD COLUMN room_type TEXT;
ALTER TABLE room ADD COLUMN tombstone_body TEXT;
ALTER TABLE room ADD COLUMN tombstone_room TEXT;
ALTER TABLE room ADD COLUMN joined_member_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE room ADD COLUMN invited_member_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE room ADD COLUMN heroes TEXT;
ALTER TABLE room ADD COLUMN unread_notifications INTEGER NOT NULL DEFAULT 0;
ALTER TABLE room ADD COLUMN unread_highlights INTEGER NOT NULL DEFAULT 0;
ALTER TABLE room ADD COLUMN thread_unread TEXT;
ALTER TABLE room ADD COLUMN latest_event_id TEXT;

UPDATE room SET
    name = json_extract(info, '$.name'),
    topic = json_extract(info, '$.topic'),
    avatar_url = json_extract(info, '$.avatar_url'),
    canonical_alias = json_extract(info, '$.canonical_alias'),
    alt_aliases = CASE WHEN json_array_length(info, '$.alt_aliases') > 0
                       THEN json_extract(info, '$.alt_aliases') END,
    join_rule = json_extract(info, '$.join_rule'),
    history_visibility = json_extract(info, '$.history_visibility'),
    encryption_algorithm = json_extract(info, '$.encryption_algorithm'),
    room_version = coalesce(json_extract(info, '$.room_version'), '1'),
    room_type = json_extract(info, '$.room_type'),
    tombstone_body = json_extract(info, '$.tombstone.body'),
    tombstone_room = json_extract(info, '$.tombstone.replacement_room'),
    joined_member_count = coalesce(json_extract(info, '$.joined_member_count'), 0),
    invited_member_count = coalesce(json_extract(info, '$.invited_member_count'), 0),
    heroes = CASE WHEN json_array_length(info, '$.heroes') > 0 THEN json_extract(info, '$.heroes') END,
    unread_notifications = coalesce(json_extract(info, '$.unread.notifications'), 0),
    unread_highlights = coalesce(json_extract(info, '$.unread.highlights'), 0),
    thread_unread = CASE WHEN json_extract(info, '$.thread_unread') NOT IN ('{}')
                         THEN json_extract(info, '$.thread_unread') END,
    latest_event_id = json_extract(info, '$.latest_event_id');

ALTER TABLE room DROP COLUMN info;
