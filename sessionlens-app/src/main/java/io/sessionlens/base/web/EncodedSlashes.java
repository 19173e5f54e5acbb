package io.sessionlens.base.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * MLflow ids may contain slashes: Unity Catalog trace ids are {@code trace:/catalog.schema/<hex>}, and session ids are
 * whatever the application set. Links encode them as {@code %2F}, which Tomcat rejects by default; decoding it lets the
 * API's path variables and the views' wildcard routes take such ids whole. Spring Security's firewall is told the same
 * (it rejects {@code %2F} by default).
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {
    @Bean
    TomcatConnectorCustomizer decodeEncodedSlashes() {
        return connector -> connector.setEncodedSolidusHandling("decode");
    }

    @Bean
    HttpFirewall firewallThatTakesEncodedSlashes() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }
}
