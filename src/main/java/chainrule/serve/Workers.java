package chainrule.serve;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of workers with a bounded queue: a request finds the queue full and is turned
 * away at once, or runs for at most the time limit and is then interrupted (the engine checks
 * for that in its long loops, so the worker is freed).
 */
final class Workers implements AutoCloseable {
    /** Deeply nested input is answered, not overflowed, as on the command line. */
    private static final long STACK = 512L << 20;

    sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {}

        record Busy<T>() implements Outcome<T> {}

        record TimedOut<T>() implements Outcome<T> {}

        record Failed<T>(Throwable cause) implements Outcome<T> {}
    }

    private final ThreadPoolExecutor pool;
    private final Duration limit;

    Workers(int threads, int queue, Duration limit) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(null, r, "chainrule-worker-" + n.incrementAndGet(), STACK);
                    t.setDaemon(true);
                    return t;
                });
        this.limit = limit;
    }

    /** Requests being worked on or waiting for a worker. */
    int load() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    Duration limit() {
        return limit;
    }

    /** Runs the task on a worker; the time limit counts from when it starts, not while it waits in the queue. */
    <T> Outcome<T> run(Callable<T> task) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Future<T> future;
        try {
            future = pool.submit(() -> {
                started.countDown();
                return task.call();
            });
        } catch (RejectedExecutionException full) {
            return new Outcome.Busy<>();
        }
        started.await();
        try {
            return new Outcome.Done<>(future.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException | CancellationException e) {
            future.cancel(true);
            return new Outcome.TimedOut<>();
        } catch (ExecutionException e) {
            return new Outcome.Failed<>(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
