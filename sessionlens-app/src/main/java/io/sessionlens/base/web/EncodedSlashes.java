package io.sessionlens.base.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MLflow ids may contain slashes: Unity Catalog trace ids are {@code trace:/catalog.schema/<hex>}, and session ids are
 * whatever the application set. Links encode them as {@code %2F}, which Tomcat rejects by default; decoding it lets the
 * API's path variables and the views' wildcard routes take such ids whole.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {
    @Bean
    TomcatConnectorCustomizer decodeEncodedSlashes() {
        return connector -> connector.setEncodedSolidusHandling("decode");
    }
}
