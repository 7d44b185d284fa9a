package org.hallsafe.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/** Turns on the placeholders of method-security meta-annotations, which {@link RequiresPermission} is. */
@Configuration(proxyBeanMethods = false)
class PermissionTemplates {

    /** Static: method security reads it while its own configuration is being built. */
    @Bean
    static AnnotationTemplateExpressionDefaults permissionTemplateDefaults() {
        return new AnnotationTemplateExpressionDefaults();
    }
}
