package dev.crossroads.api.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.crossroads.testing.GraphQLRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests over a limit are refused before they run, with a 400 and an error code naming the limit. */
@QuarkusTest
class QueryLimitsTests {

    @Test
    void thousandsOfAliasesAreRefusedNamingTheLimit() {
        // 2,400 aliases of sources ran for 5.6 s before; 100 are refused, 2,400 are over the token limit too
        String aliases = IntStream.range(0, 100).mapToObj(i -> "s" + i + ": sources { language }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        post(aliases).statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_MANY_ROOT_FIELDS"))
                .body("errors[0].message", equalTo("the query asks for 100 root fields (aliases included); at most 20"
                        + " (crossroads.graphql.max-root-fields)"));
    }

    @Test
    void aQueryOverTheTokenLimitIsRefusedAsTooLargeNotAsUnparseable() {
        String aliases = IntStream.range(0, 5_000).mapToObj(i -> "l" + i + ": languages { id }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        post(aliases).statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_LARGE"))
                .body("errors[0].message", equalTo("the query has more than 10000 tokens"));
    }

    @Test
    void tooManyFieldsAndTooDeepAreRefused() {
        String wide = IntStream.range(0, 1_001).mapToObj(i -> "f" + i + ": id")
                .collect(Collectors.joining(" ", "{ languages { ", " } }"));
        post(wide).statusCode(400).body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
        String deep = "{ languages " + "{ __typename ".repeat(14) + "}".repeat(14) + " }";
        post(deep).statusCode(400).body("errors[0].extensions.code", equalTo("QUERY_TOO_DEEP"));
    }

    @Test
    void aBareQueryAsApplicationGraphqlIsHeldToTheSameLimits() {
        String aliases = IntStream.range(0, 100).mapToObj(i -> "s" + i + ": sources { language }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        given().contentType("application/graphql").body(aliases.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_MANY_ROOT_FIELDS"));
    }

    @Test
    void textPlainOrNoContentTypeIsRefused() {
        // the endpoint would read it as JSON: a cross-site form could post queries past every limit
        given().contentType("text/plain").body("{\"query\":\"{ languages { id } }\"}").when().post("/graphql")
                .then().statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void aSelfSpreadingFragmentIsRefusedNotA500() {
        post("{ ...F } fragment F on Query { languages { id } ...F }").statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_INVALID"));
    }

    @Test
    void moreRootFieldsReadingTheDatabaseThanAllowedAreRefused() {
        String six = IntStream.range(0, 6).mapToObj(i -> "s" + i + ": sources { language }")
                .collect(Collectors.joining(" ", "{ languages { id } ", " }"));
        post(six).statusCode(400)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_EXPENSIVE"))
                .body("errors[0].message", equalTo("the query asks for 6 root fields that read the database (changes,"
                        + " curation, docsFeatures, roadmap, sources, syncRuns); at most 5"
                        + " (crossroads.graphql.max-expensive-fields)"));
        post("{ sources { language } syncRuns { id } changes { pageInfo { hasNextPage } } curation }").statusCode(200)
                .body("errors", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{ changes(first: 101) { pageInfo { hasNextPage } } }|first: 101",
        "{ features(first: 101) { totalCount } }|first: 101",
        "{ boardItems(language: \"python\", first: 500) { totalCount } }|first: 500",
        "{ syncRuns(last: 101) { id } }|last: 101"})
    void aPageOverTheLimitIsRefusedNamingIt(String query, String asked) {
        post(query).statusCode(200)
                .body("errors[0].extensions.code", equalTo("PAGE_TOO_LARGE"))
                .body("errors[0].message", equalTo(asked + " is over the page size limit of 100"
                        + " (crossroads.graphql.max-page-size)"));
        post(query.replace(asked.substring(asked.indexOf(' ') + 1), "100")).statusCode(200).body("errors", nullValue());
    }

    @Test
    void theGraphQLUIsIntrospectionQueryIsAnswered() {
        // 15 levels deep, over the depth limit: the schema's own nesting is bounded by graphql-java's good-faith check
        post(GraphQLRequests.document("introspection")).statusCode(200)
                .body("errors", nullValue())
                .body("data.__schema.queryType.name", equalTo("Query"));
    }

    @Test
    void introspectionAskedInBadFaithIsRefusedNotA500() {
        post("{ __schema { types { fields { type { fields { type { name } } } } } } }").statusCode(200)
                .body("errors[0].extensions.classification", equalTo("BadFaithIntrospection"))
                .body("data", nullValue());
    }

    @Test
    void graphQLOverWebSocketIsRefused() {
        // queries sent that way escaped every limit above; the schema has no subscriptions to serve
        URI uri = URI.create("ws://localhost:" + RestAssured.port + "/graphql");
        CompletableFuture<WebSocket> socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(uri, new WebSocket.Listener() { });
        assertThat(socket).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(400));
    }

    @Test
    void anOrdinaryQueryPasses() {
        post("{ languages { id } sources { language } }").statusCode(200).body("errors", nullValue());
    }

    private static io.restassured.response.ValidatableResponse post(String query) {
        return given().contentType("application/json").body(Map.of("query", query)).when().post("/graphql").then();
    }
}
