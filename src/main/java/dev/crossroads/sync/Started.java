package dev.crossroads.sync;

import io.smallrye.mutiny.Uni;

/** Work set going at once, for its outcome to be read later (a Uni is lazy: nothing runs until it is subscribed). */
final class Started {

    private Started() {
    }

    /** Subscribes to {@code work} now; whoever subscribes to the result later gets its outcome, failure included. */
    static <T> Uni<T> now(Uni<T> work) {
        Uni<T> kept = work.memoize().indefinitely();
        kept.subscribe().with(item -> { }, failure -> { }); // failures reach the later subscriber too
        return kept;
    }
}
