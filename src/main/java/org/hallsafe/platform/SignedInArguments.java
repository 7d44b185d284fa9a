package org.hallsafe.platform;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills a handler's {@link SignedIn} argument from the signed-in account; registered in {@link WebConfiguration}. */
final class SignedInArguments implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SignedIn.class;
    }

    @Override
    public SignedIn resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        return CurrentUser.find().map(SignedIn::of)
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no signed-in person"));
    }
}
