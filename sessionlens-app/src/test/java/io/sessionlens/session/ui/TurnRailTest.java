package io.sessionlens.session.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.sessionlens.session.TurnDocument;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TurnRailTest {

    static TurnDocument turn(int index) {
        return new TurnDocument(index, "tr-" + index, Instant.parse("2026-05-01T10:00:00Z"), 900, "OK", 2, 0, 0, "q",
                "a", false,
                null, List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    @Test
    void the_root_cause_wins_over_flagged_and_flagged_over_built_on_it() {
        var marks = new TurnMarks(2, List.of(3, 4), Set.of(2, 4));
        var rail = new TurnRail(IntStream.rangeClosed(1, 5).mapToObj(TurnRailTest::turn).toList(), marks);

        List<String> classes = rail.getChildren().map(TurnRailTest::mark).toList();

        assertThat(classes).containsExactly("", "root-cause", "chain", "flagged", "");
        assertThat(rail.getChildren().map(c -> c.getElement().getAttribute("href")).toList())
                .containsExactly("#turn-1", "#turn-2", "#turn-3", "#turn-4", "#turn-5");
    }

    private static String mark(Component c) {
        return c.getElement().getClassList().stream().filter(n -> !n.equals("sl-rail-item")).findFirst().orElse("");
    }
}
