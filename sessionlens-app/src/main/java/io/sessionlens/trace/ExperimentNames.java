package io.sessionlens.trace;

import io.sessionlens.trace.persistence.ExperimentNameRecords;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experiments' display names. MLflow's trace exports name an experiment by its id only ({@code 3363486573189371});
 * an imported experiments answer ({@code experiments/search}) names it, or the analyst does in the experiment settings
 * (that name wins), and every page shows the name with the id as secondary text. Use {@link #displayName} for a label and {@link #all} for a list of choices.
 */
@Service
@Transactional(readOnly = true)
public class ExperimentNames {
    /** The longest name kept: the column's size, and the text field's limit. */
    public static final int MAX_LENGTH = 400;

    private final ExperimentNameRecords records;
    private final Clock clock;

    ExperimentNames(ExperimentNameRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** The name the analyst gave the experiment, if any. */
    public Optional<String> name(String experimentId) {
        return records.find(experimentId);
    }

    /** The name, or the id when the experiment has none: what a header, breadcrumb or filter shows. */
    public String displayName(String experimentId) {
        return name(experimentId).orElse(experimentId);
    }

    /** "name (id)", or the id alone: a label that tells two experiments of the same name apart. */
    public String label(String experimentId) {
        return name(experimentId).map(n -> n + " (" + experimentId + ")").orElse(experimentId);
    }

    /** Every named experiment: id → name. */
    public Map<String, String> all() {
        return records.all();
    }

    /** Sets the name; a blank or null name removes it (the id is shown again). Names are trimmed and capped. */
    @Transactional
    public Optional<String> rename(String experimentId, @Nullable String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            records.remove(experimentId);
            return Optional.empty();
        }
        if (n.length() > MAX_LENGTH) n = n.substring(0, MAX_LENGTH);
        records.put(experimentId, n, "analyst", clock.instant(), true);
        return Optional.of(n);
    }

    /** A name read from an imported MLflow experiments answer; a name the analyst set is kept. */
    @Transactional
    public void nameFromExport(String experimentId, String name) {
        String n = name.strip();
        if (n.isEmpty() || experimentId.length() > MAX_LENGTH) return;
        records.put(experimentId, n.length() > MAX_LENGTH ? n.substring(0, MAX_LENGTH) : n, "export", clock.instant(),
                false);
    }
}
