package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpCacheTests {

    private final List<List<String>> asked = new ArrayList<>();
    private final HttpCache cache = new HttpCache(Map.of(), urls -> {
        asked.add(urls);
        return Uni.createFrom().item(Map.of("u/nav", "nav text", "u/page", "page text"));
    });

    @Test
    void filesReadWholeNeedNoCopyAndAskNothing() {
        List<FileRead> reads = List.of(fetched("u/nav", "new nav"), notFound("u/gone"));

        assertThat(await(cache.withContent(reads))).isEqualTo(reads);
        assertThat(asked).isEmpty();
    }

    @Test
    void filesAnswered304GetTheirCopiesInOneAsk() {
        List<FileRead> complete = await(cache.withContent(List.of(notModified("u/nav"), fetched("u/home", "home"),
                notModified("u/page"), notFound("u/gone"))));

        assertThat(complete).extracting(FileRead::content).containsExactly("nav text", "home", "page text", null);
        assertThat(complete.get(0).contentHash()).isEqualTo("hash of u/nav");
        assertThat(asked).containsExactly(List.of("u/nav", "u/page"));
    }

    @Test
    void aCopyThatIsGoneIsAClearFailure() {
        assertThatThrownBy(() -> await(cache.withContent(notModified("u/other"))))
                .isInstanceOf(IllegalStateException.class).hasMessage("the cached copy of u/other is gone");
    }

    private static FileRead fetched(String url, String text) {
        return new FileRead(url, text, null, "hash of " + url, true, false, 200, null, null);
    }

    private static FileRead notModified(String url) {
        return new FileRead(url, null, null, "hash of " + url, false, false, 304, null, null);
    }

    private static FileRead notFound(String url) {
        return new FileRead(url, null, null, null, true, true, 404, null, null);
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(5));
    }
}
