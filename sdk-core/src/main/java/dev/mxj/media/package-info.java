/**
 * The content repository: uploads with progress, streaming downloads and thumbnails of
 * {@code mxc://} URIs, the server's upload limit, and URL previews. Obtain it from
 * {@link dev.mxj.MatrixClient#media()}.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.media;

import org.jspecify.annotations.NullMarked;
