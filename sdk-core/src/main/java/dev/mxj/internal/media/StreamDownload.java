package dev.mxj.internal.media;

import dev.mxj.internal.http.StreamedResponse;
import dev.mxj.media.MediaDownload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@link MediaDownload} over a {@link StreamedResponse}: network failures while reading become
 * {@link dev.mxj.MatrixNetworkException}s, and closing before the end cancels the call.
 */
final class StreamDownload implements MediaDownload {
    private final StreamedResponse response;
    private final Body body;

    StreamDownload(StreamedResponse response) {
        this.response = response;
        this.body = new Body(response.body());
    }

    @Override
    public InputStream stream() {
        return body;
    }

    @Override
    public Optional<String> contentType() {
        return response.header("Content-Type");
    }

    @Override
    public Optional<Long> contentLength() {
        long length = response.contentLength();
        return length >= 0 ? Optional.of(length) : Optional.empty();
    }

    @Override
    public Optional<String> filename() {
        return ContentDisposition.filename(response.header("Content-Disposition"));
    }

    @Override
    public void close() {
        response.close(body.atEnd);
    }

    /** The response body, failing in mxj's terms. */
    private final class Body extends InputStream {
        private final InputStream in;
        private final long length = response.contentLength();
        private long read;
        private volatile boolean atEnd;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (response.isClosed()) {
                throw new IOException("This download was closed; start it again to read the media.");
            }
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    read += n;
                }
                if (n < 0 || read == length) {
                    atEnd = true;
                }
                return n;
            } catch (IOException e) {
                if (response.isClosed()) {
                    throw new IOException("This download was closed; start it again to read the media.", e);
                }
                throw response.networkError(e);
            }
        }

        @Override
        public int available() throws IOException {
            return response.isClosed() ? 0 : in.available();
        }

        @Override
        public void close() {
            StreamDownload.this.close();
        }
    }
}
