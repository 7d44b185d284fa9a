package org.hallsafe.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of a notice's other channels (WeChat, the press release, the wall poster), under
 * {@code hallsafe.notice.channels.*}.
 *
 * @param pressContact the contact line of a press release (e.g. {@code 领导小组办公室 0571-8888 8888}); when empty, the
 *     hall's address and the phone of its section whose name ends in 办公室, where the directory has them
 * @param wechatExportDir where the default WeChat publisher writes each notice's article ZIP; when empty,
 *     {@code wechat} under {@code hallsafe.data-dir}
 */
@ConfigurationProperties("hallsafe.notice.channels")
public record NoticeChannelProperties(
        @DefaultValue("") String pressContact,
        @DefaultValue("") String wechatExportDir) {
}
