package io.sessionlens;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling // the retention job and the H2 file's compaction
@Push // teammates' verdicts, annotations and pins appear on open pages (base.live); decision 039
@StyleSheet(Lumo.STYLESHEET) // Vaadin 25: themes are opt-in; without this the page renders unstyled
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("context://styles/sessionlens.css")
public class Application implements AppShellConfigurator {
    /**
     * Before the first paint: the theme the analyst chose (localStorage {@code sessionlens-theme}), else the browser's
     * {@code prefers-color-scheme}. MainLayout's toggle stores an explicit choice.
     */
    static final String THEME_SCRIPT = "try{var t=localStorage.getItem('sessionlens-theme');"
            + "if(t==='dark'||(t!=='light'&&window.matchMedia&&matchMedia('(prefers-color-scheme: dark)').matches))"
            + "document.documentElement.setAttribute('theme','dark');}catch(e){}";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "favicon.svg", "any");
        settings.addInlineWithContents(Inline.Position.PREPEND, THEME_SCRIPT, Inline.Wrapping.JAVASCRIPT);
    }

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
