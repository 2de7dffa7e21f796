package org.openjxc.integration;

/** Where a notification goes: an e-mail address, or a WeCom (企业微信) or DingTalk (钉钉) group robot. */
public enum NotificationChannel {
    EMAIL,
    WECOM,
    DINGTALK
}
