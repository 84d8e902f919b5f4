package dev.crossroads.api.graphql;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.crossroads.testing.GraphQLRequests;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LanguageGraphQLTests {

    @Test
    void listsTheConfiguredLanguagesInOrder() {
        GraphQLRequests.post("languages")
                .body("errors", nullValue())
                .body("data.languages.id", contains("python", "typescript", "java", "dotnet"))
                .body("data.languages.name", contains("Python", "TypeScript", "Java", ".NET"))
                .body("data.languages[0].repository", equalTo("aws-powertools/powertools-lambda-python"))
                .body("data.languages.branch", contains("develop", "main", "main", "develop"));
    }
}
