package jp.smeir.engine;

/** The Guide's three stages (docs/api.md §2 {@code stage}): ①検知・初動対応, ②報告・公表, ③復旧・再発防止. */
public enum Stage { DETECT_AND_RESPOND, REPORT_AND_DISCLOSE, RECOVER_AND_PREVENT }
