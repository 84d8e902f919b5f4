package dev.crossroads.health;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.testing.GraphQLRequests;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With tracing switched on (it is off by default), requests are exported to the configured OTLP endpoint. */
@QuarkusTest
@WithTestResource(value = OtlpCollectorResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TracingTests {

    @InjectWireMock
    WireMockServer collector;

    @Test
    void aGraphQLRequestIsExportedAsASpanToTheCollector() throws InterruptedException {
        GraphQLRequests.post("languages");

        // the protobuf carries span names and attributes as text: the request's route is among them
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!exported().contains("/graphql")) {
            assertThat(System.nanoTime()).as("a span of the request exported within 10 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(exported()).as("the service's name").contains("crossroads");
    }

    private String exported() {
        return collector.findAll(postRequestedFor(urlEqualTo(OtlpCollectorResource.TRACES))).stream()
                .map(r -> new String(r.getBody(), StandardCharsets.ISO_8859_1)).reduce("", String::concat);
    }
}
