package dev.crossroads.api.graphql;

import dev.crossroads.source.FamilyConfig.LanguageSource;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Language")
@Description("One language the project family ships in, e.g. Python or .NET.")
public record LanguageView(
        @Id @NonNull @Description("Stable identifier from the configuration, e.g. `python`.") String id,
        @NonNull @Description("Display name, e.g. `.NET`.") String name,
        @NonNull @Description("GitHub repository as `owner/name`.") String repository,
        @NonNull @Description("Branch whose files are read.") String branch) {

    static LanguageView of(LanguageSource source) {
        return new LanguageView(source.id(), source.name(), source.repository(), source.branch());
    }
}
