package dev.crossroads.source.github;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Collects a response body but refuses to grow past a limit, so an oversized or endless answer fails the request
 * instead of filling the heap.
 */
final class LimitedBody implements WriteStream<Buffer> {

    private final int maxBytes;
    private final Buffer collected = Buffer.buffer();
    private boolean overflowed;

    LimitedBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    boolean overflowed() {
        return overflowed;
    }

    Buffer collected() {
        return collected;
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (collected.length() + data.length() > maxBytes) {
            overflowed = true;
            return Future.failedFuture(new BodyTooLargeException(maxBytes));
        }
        collected.appendBuffer(data);
        return Future.succeededFuture();
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        Future<Void> result = write(data);
        if (handler != null) {
            handler.handle(result);
        }
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        if (handler != null) {
            handler.handle(Future.succeededFuture());
        }
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        return this;
    }

    /** The body grew past {@code crossroads.sync.max-bytes}. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(int maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes (crossroads.sync.max-bytes)");
        }
    }
}
