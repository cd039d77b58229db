package dev.weft.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;

/**
 * A future for async tasks that tells when the engine has begun to wait for it: the engine
 * registers its callback with {@link #whenComplete} once the task's attempt is awaiting the value.
 */
final class WatchedFuture<T> extends CompletableFuture<T> {
  final CountDownLatch awaited = new CountDownLatch(1);

  @Override
  public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
    CompletableFuture<T> next = super.whenComplete(action);
    awaited.countDown();
    return next;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CompletableFuture<>();
  }
}
