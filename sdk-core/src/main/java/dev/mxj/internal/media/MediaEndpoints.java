package dev.mxj.internal.media;

import dev.mxj.discovery.Versions;
import dev.mxj.id.MxcUri;
import dev.mxj.internal.ClientContext;
import dev.mxj.internal.http.ApiRequest;
import dev.mxj.internal.http.BodySource;
import dev.mxj.internal.http.StreamingCalls;
import dev.mxj.internal.http.Transport;
import dev.mxj.media.DownloadedFile;
import dev.mxj.media.Media;
import dev.mxj.media.MediaConfig;
import dev.mxj.media.MediaDownload;
import dev.mxj.media.MediaSupport;
import dev.mxj.media.PendingUpload;
import dev.mxj.media.ProgressListener;
import dev.mxj.media.ThumbnailSettings;
import dev.mxj.media.UploadRequest;
import dev.mxj.media.UrlPreview;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/** {@link Media} over HTTP: the endpoints in {@link MediaRequests}, streamed by {@link StreamingCalls}. */
public final class MediaEndpoints implements Media {
    private static final LongConsumer NO_PROGRESS = bytes -> { };

    private final Transport transport;
    private final StreamingCalls calls;
    private final Executor callbacks;
    private final SupportCache support;
    private final UploadLimit limit = new UploadLimit();

    /**
     * @param versions how to ask the server's {@code /versions} (read once, to choose between
     *                 authenticated and legacy media)
     */
    public MediaEndpoints(ClientContext context, Supplier<CompletableFuture<Versions>> versions) {
        this.transport = context.transport();
        this.calls = new StreamingCalls(transport);
        this.callbacks = context.callbackExecutor();
        this.support = new SupportCache(versions);
    }

    @Override
    public CompletableFuture<MediaSupport> support() {
        return support.get().thenApply(Function.identity());
    }

    @Override
    public CompletableFuture<MediaConfig> config() {
        Operation op = new Operation();
        return op.result(fetchConfig(op).thenApply(config -> {
            limit.remember(config);
            return config;
        }));
    }

    private CompletableFuture<MediaConfig> fetchConfig(Operation op) {
        return withSupport(op, s -> transport.send(MediaRequests.config(s)));
    }

    @Override
    public CompletableFuture<MxcUri> upload(UploadRequest request) {
        Objects.requireNonNull(request, "request");
        return upload(request, MediaRequests.upload(request.filename()));
    }

    @Override
    public CompletableFuture<PendingUpload> createContentUri() {
        return transport.send(MediaRequests.create());
    }

    @Override
    public CompletableFuture<Void> uploadTo(MxcUri uri, UploadRequest request) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(request, "request");
        return upload(request, MediaRequests.uploadTo(uri, request.filename()));
    }

    /** Sizes the source, checks the server's limit, then streams the body with progress. */
    private <T> CompletableFuture<T> upload(UploadRequest request, ApiRequest<T> call) {
        Objects.requireNonNull(request, "request");
        Operation op = new Operation();
        BodySource source;
        try {
            source = Sources.of(request.source());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = limit.get(() -> op.step(fetchConfig(op))).thenCompose(max -> {
            UploadLimit.check(source.length(), max);
            LongConsumer progress = request.progress()
                    .<LongConsumer>map(listener -> reporter(listener, source.length()))
                    .orElse(NO_PROGRESS);
            return op.step(calls.upload(call, source, request.contentType(), progress)).handle((value, error) -> {
                if (error == null) {
                    return value;
                }
                throw new CompletionException(limit.translate(error, source.length(), max));
            });
        });
        return op.result(result);
    }

    private LongConsumer reporter(ProgressListener listener, long total) {
        return new ProgressReporter(listener, total, callbacks);
    }

    @Override
    public CompletableFuture<MediaDownload> download(MxcUri uri) {
        Objects.requireNonNull(uri, "uri");
        return stream(s -> MediaRequests.download(s, uri));
    }

    @Override
    public CompletableFuture<DownloadedFile> download(MxcUri uri, Path target) {
        Objects.requireNonNull(uri, "uri");
        return toFile(s -> MediaRequests.download(s, uri), target);
    }

    @Override
    public CompletableFuture<MediaDownload> thumbnail(MxcUri uri, ThumbnailSettings settings) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(settings, "settings");
        return stream(s -> MediaRequests.thumbnail(s, uri, settings));
    }

    @Override
    public CompletableFuture<DownloadedFile> thumbnail(MxcUri uri, ThumbnailSettings settings, Path target) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(settings, "settings");
        return toFile(s -> MediaRequests.thumbnail(s, uri, settings), target);
    }

    @Override
    public CompletableFuture<UrlPreview> previewUrl(URI url) {
        Objects.requireNonNull(url, "url");
        Operation op = new Operation();
        return op.result(withSupport(op, s -> transport.send(MediaRequests.previewUrl(s, url))));
    }

    private CompletableFuture<MediaDownload> stream(Function<MediaSupport, ApiRequest<Void>> request) {
        Operation op = new Operation();
        return op.result(withSupport(op, s -> op.step(calls.open(request.apply(s))).thenApply(StreamDownload::new)));
    }

    private CompletableFuture<DownloadedFile> toFile(Function<MediaSupport, ApiRequest<Void>> request, Path target) {
        Objects.requireNonNull(target, "target");
        FileReceiver receiver = new FileReceiver(target);
        Operation op = new Operation();
        return op.result(withSupport(op, s -> calls.receive(request.apply(s), receiver)));
    }

    /** Runs {@code call} once the server's media support is known, tracking it for cancellation. */
    private <T> CompletableFuture<T> withSupport(Operation op, Function<MediaSupport, CompletableFuture<T>> call) {
        return support.get().thenCompose(s -> op.step(call.apply(s)));
    }
}
