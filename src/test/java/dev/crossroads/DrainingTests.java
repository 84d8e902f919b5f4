package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DrainingTests {

    @Test
    void idleWorkNeedsNoWait() {
        assertThat(Draining.awaitIdle(() -> false, Duration.ZERO)).isTrue();
    }

    @Test
    void workThatEndsInTimeIsWaitedFor() {
        AtomicInteger polls = new AtomicInteger();
        assertThat(Draining.awaitIdle(() -> polls.incrementAndGet() < 3, Duration.ofSeconds(10))).isTrue();
        assertThat(polls).hasValue(3);
    }

    @Test
    void workThatOutlastsThePatienceIsLeft() {
        assertThat(Draining.awaitIdle(() -> true, Duration.ofMillis(30))).isFalse();
    }
}
