package dev.crossroads.roadmap;

/** The status of an item and, in words, why: the section it is in, a struck title, a declaration, its checklist. */
record StatusDecision(ItemStatus status, String evidence) {

    static StatusDecision decide(ItemKind kind, boolean wontDo, String declared, Progress progress) {
        if (kind == ItemKind.LAUNCHED) {
            return new StatusDecision(ItemStatus.SHIPPED, "listed under a Launched section");
        }
        if (kind == ItemKind.DROPPED) {
            return new StatusDecision(ItemStatus.DROPPED, "listed under a Dropped section");
        }
        if (wontDo) {
            return new StatusDecision(ItemStatus.DROPPED, "struck through or marked won't do");
        }
        if (declared != null) {
            var meaning = StatusVocabulary.meaning(declared);
            if (meaning.isPresent()) {
                return new StatusDecision(meaning.get(), "declared: Status: " + declared);
            }
        }
        if (progress.total() > 0) {
            String counted = "checklist " + progress.done() + "/" + progress.total() + " done";
            if (progress.done() == 0) {
                return new StatusDecision(ItemStatus.PLANNED, counted);
            }
            return new StatusDecision(progress.done() == progress.total() ? ItemStatus.DONE : ItemStatus.IN_PROGRESS,
                    counted);
        }
        if (kind == ItemKind.STREAM) {
            return new StatusDecision(null, "streams of work carry no status");
        }
        return new StatusDecision(ItemStatus.PLANNED, "on the roadmap with no checklist");
    }
}
