package dev.crossroads.source;

import dev.crossroads.config.CrossroadsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Loads the family file once, at start-up, so a broken file stops the service before it serves anything. */
@ApplicationScoped
public class FamilyConfigProducer {

    @Produces
    @Singleton
    @Startup
    FamilyConfig familyConfig(CrossroadsConfig config) {
        FamilyConfig family = FamilyConfigLoader.load(Path.of(config.configFile()));
        Log.infof("Tracking %s in %d languages from %s", family.family().name(), family.languages().size(),
                family.file());
        return family;
    }
}
