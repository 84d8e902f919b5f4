package dev.crossroads.api.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

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
    void anOrdinaryQueryPasses() {
        post("{ languages { id } sources { language } }").statusCode(200).body("errors", nullValue());
    }

    private static io.restassured.response.ValidatableResponse post(String query) {
        return given().contentType("application/json").body(Map.of("query", query)).when().post("/graphql").then();
    }
}
