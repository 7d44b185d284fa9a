package org.hallsafe.platform;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Forms are records, built through their constructor. When one value is not of its type ("abc" in a number,
 * 2026-13-45 in a date, an unknown choice), Spring keeps the record but exposes a binding result without it, so the
 * page that shows the form again found {@code form} null and answered 500 (issue 12, item 8). Here a value that does
 * not convert is left out of the record and reported as a {@code typeMismatch} beside its field, with what was
 * typed; the record is built from the rest, so the page comes back with every field as the person left it.
 */
@Configuration(proxyBeanMethods = false)
class FormBinding implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new RequestMappingHandlerAdapter() {
            @Override
            protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
                return new ServletRequestDataBinderFactory(binderMethods, getWebBindingInitializer()) {
                    @Override
                    protected ServletRequestDataBinder createBinderInstance(Object target, String objectName,
                            NativeWebRequest request) {
                        return new RecordFormBinder(target, objectName);
                    }
                };
            }
        };
    }

    static final class RecordFormBinder extends ExtendedServletRequestDataBinder {

        RecordFormBinder(Object target, String objectName) {
            super(target, objectName);
            setMessageCodesResolver(new ChoiceCodes());
        }

        @Override
        public void construct(ValueResolver resolver) {
            Class<?> type = getTargetType() == null ? null : getTargetType().resolve();
            if (type == null || !type.isRecord()) {
                super.construct(resolver);
                return;
            }
            Map<String, MethodParameter> parameters = parameters(type);
            Map<String, TypeMismatchException> failed = new LinkedHashMap<>();
            Map<String, Boolean> missing = new LinkedHashMap<>();
            super.construct(new ValueResolver() {
                @Override
                public Object resolveValue(String name, Class<?> paramType) {
                    Object value = resolver.resolveValue(name, paramType);
                    MethodParameter parameter = parameters.get(name);
                    if (parameter == null) {
                        return value;
                    }
                    if (value != null) {
                        try {
                            if (convertIfNecessary(value, paramType, parameter) != null || !paramType.isPrimitive()) {
                                return value;
                            }
                        } catch (TypeMismatchException e) {
                            e.initPropertyName(name);
                            failed.putIfAbsent(name, e);
                            if (!paramType.isPrimitive()) {
                                return null;
                            }
                        }
                    }
                    if (paramType.isPrimitive()) {
                        // a primitive cannot be left out: an unticked checkbox is false, a missing number "required"
                        if (paramType != boolean.class && !failed.containsKey(name)) {
                            missing.put(name, Boolean.TRUE);
                        }
                        return paramType == boolean.class ? "false" : "0";
                    }
                    return value;
                }

                @Override
                public Set<String> getNames() {
                    return resolver.getNames();
                }
            });
            failed.values().forEach(e -> getBindingErrorProcessor().processPropertyAccessException(e, getInternalBindingResult()));
            missing.keySet().forEach(name -> getInternalBindingResult().addError(new FieldError(getObjectName(), name, null,
                    true, new String[] {"validation.required"}, null, "required")));
        }

        /** A value that is none of an enum's choices reads "choose from the list", not "enter a number". */
        static final class ChoiceCodes extends DefaultMessageCodesResolver {

            private static final long serialVersionUID = 1L;

            @Override
            public String[] resolveMessageCodes(String errorCode, String objectName, String field, Class<?> fieldType) {
                String[] codes = super.resolveMessageCodes(errorCode, objectName, field, fieldType);
                if (!"typeMismatch".equals(errorCode) || fieldType == null || !fieldType.isEnum()) {
                    return codes;
                }
                String[] withChoice = java.util.Arrays.copyOf(codes, codes.length + 1);
                withChoice[codes.length] = withChoice[codes.length - 1];
                withChoice[codes.length - 1] = "typeMismatch.choice";
                return withChoice;
            }
        }

        private static Map<String, MethodParameter> parameters(Class<?> type) {
            Map<String, MethodParameter> parameters = new HashMap<>();
            Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
            String[] names = BeanUtils.getParameterNames(constructor);
            for (int i = 0; i < names.length; i++) {
                parameters.put(names[i], MethodParameter.forFieldAwareConstructor(constructor, i, names[i]));
            }
            return parameters;
        }
    }
}
