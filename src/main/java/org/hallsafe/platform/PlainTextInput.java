package org.hallsafe.platform;

import java.beans.PropertyEditorSupport;

import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every String that reaches HallSafe, from a form, a request parameter or JSON, is normalised the same way
 * ({@link PlainText.Rules.normalise}): a value of only spaces, no-break or zero-width characters is empty, so
 * {@code @NotBlank} refuses it and an optional field stores nothing. Length and control characters are then
 * checked by {@link PlainText} on the form and API records.
 */
@ControllerAdvice
class PlainTextInput {

    @InitBinder
    void normaliseStrings(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(PlainText.Rules.normalise(text));
            }

            @Override
            public String getAsText() {
                Object value = getValue();
                return value == null ? "" : value.toString();
            }
        });
    }

    /** The API's JSON strings, normalised like form fields. */
    @Bean
    static JacksonModule plainTextStrings() {
        return new SimpleModule("hallsafe-plain-text").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                return PlainText.Rules.normalise(super.deserialize(p, ctxt));
            }
        });
    }
}
