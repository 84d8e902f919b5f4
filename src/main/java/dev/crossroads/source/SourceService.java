package dev.crossroads.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The configured languages, in configured order. */
@ApplicationScoped
public class SourceService {

    private final FamilyConfig config;

    public SourceService(FamilyConfig config) {
        this.config = config;
    }

    public List<FamilyConfig.LanguageSource> languages() {
        return config.languages();
    }
}
