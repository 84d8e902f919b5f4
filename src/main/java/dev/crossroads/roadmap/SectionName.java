package dev.crossroads.roadmap;

import java.util.Optional;

/** What one heading's words say, worked out once per heading (pages can have tens of thousands). */
record SectionName(Optional<ItemKind> containerKind, boolean about, boolean definesStatuses, boolean namesThePage) {

    static SectionName of(String title) {
        String name = SectionNames.normalise(title);
        return new SectionName(SectionNames.containerKindOfNormalised(name), SectionNames.isAboutNormalised(name),
                SectionNames.definesStatusesNormalised(name), SectionNames.namesThePageNormalised(name));
    }
}
