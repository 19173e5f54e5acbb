package io.sessionlens.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import io.sessionlens.base.live.LiveUpdates;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page hears of a teammate's change without a reload: while {@code owner} is attached, a change published on
 * {@code topic} runs {@code refresh} in the owner's UI (under its lock) and pushes the result to the browser. The
 * returned registration stops it (a view that shows another session next removes the old one).
 */
public final class Live {
    private static final Logger log = LoggerFactory.getLogger(Live.class);

    private Live() {}

    public static Registration onChange(Component owner, LiveUpdates live, String topic, Runnable refresh) {
        var s = new Subscription(live, topic, refresh, owner);
        owner.getUI().ifPresent(s::open);
        Registration attach = owner.addAttachListener(e -> s.open(e.getUI()));
        Registration detach = owner.addDetachListener(e -> s.close());
        return () -> {
            attach.remove();
            detach.remove();
            s.close();
        };
    }

    private static final class Subscription {
        private final LiveUpdates live;
        private final String topic;
        private final Runnable refresh;
        private final Component owner;
        private @Nullable AutoCloseable open;

        Subscription(LiveUpdates live, String topic, Runnable refresh, Component owner) {
            this.live = live;
            this.topic = topic;
            this.refresh = refresh;
            this.owner = owner;
        }

        void open(UI ui) {
            close();
            open = live.subscribe(topic, () -> ui.access(() -> {
                if (owner.isAttached()) refresh.run();
            }));
        }

        void close() {
            AutoCloseable o = open;
            open = null;
            if (o == null) return;
            try {
                o.close();
            } catch (Exception e) {
                log.debug("Closing a live-update subscription on {} failed: {}", topic, e.toString());
            }
        }
    }
}
