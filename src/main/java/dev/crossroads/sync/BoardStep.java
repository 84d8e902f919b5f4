package dev.crossroads.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossroads.db.StoredText;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.BoardRef;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.github.Board;
import dev.crossroads.source.github.BoardItem;
import dev.crossroads.source.github.GitHubBoardClient;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Reads a language's Projects board; without a token the board is skipped, visibly, never retried in a loop. */
@ApplicationScoped
class BoardStep {

    static final String NO_TOKEN = "skipped: no token (set GITHUB_TOKEN to read boards)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GitHubBoardClient boards;

    BoardStep(GitHubBoardClient boards) {
        this.boards = boards;
    }

    Uni<SourceOutcome> read(LanguageSource language) {
        BoardRef ref = language.board().orElseThrow();
        if (!boards.hasToken()) {
            return Uni.createFrom().item(new SourceOutcome(language.id(), SourceKind.BOARD,
                    SourceResult.Status.SKIPPED, null, NO_TOKEN, 0, null, List.of()));
        }
        long started = System.nanoTime();
        // hashing and mapping thousands of cards is CPU work: off the event loop
        return boards.board(ref.org(), ref.number()).emitOn(Infrastructure.getDefaultWorkerPool()).map(board -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            List<BoardItem> cards = board.items().stream().sorted(Comparator.comparing(BoardItem::id)).toList();
            String content = canonical(cards);
            byte[] utf8 = content.getBytes(StandardCharsets.UTF_8); // once, for the hash and for storing
            List<ItemFacts> items = cards.stream().map(ItemFacts::of).toList();
            NewSnapshot snapshot = new NewSnapshot(language.id(), SourceKind.BOARD, Instant.now(), content,
                    Hashing.sha256(utf8), null, items);
            return new SourceOutcome(language.id(), SourceKind.BOARD, SourceResult.Status.FETCHED, 200,
                    cards.size() + " cards from " + board.pages() + " pages of " + describe(ref, board), millis,
                    board.rateLimitRemaining(), snapshot, StoredText.wrap(utf8), List.of());
        });
    }

    private static String describe(BoardRef ref, Board board) {
        return board.url() != null ? board.url() : ref.org() + "/projects/" + ref.number();
    }

    /** One JSON line per card, sorted: the same board always hashes the same. */
    private static String canonical(List<BoardItem> cards) {
        StringBuilder text = new StringBuilder();
        for (BoardItem card : cards) {
            try {
                text.append(JSON.writeValueAsString(card)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a board card could not be written as JSON", e);
            }
        }
        return text.toString();
    }
}
