package dev.crossroads.roadmap;

import java.util.List;

/** Ticked entries out of all entries that still count (entries marked "won't do" are left out). */
public record Progress(int done, int total) {

    static Progress of(List<ChecklistEntry> checklist) {
        int done = 0;
        int total = 0;
        for (ChecklistEntry entry : checklist) {
            if (!entry.wontDo()) {
                total++;
                if (entry.done()) {
                    done++;
                }
            }
        }
        return new Progress(done, total);
    }
}
