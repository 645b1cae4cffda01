package org.ccft.schemas;

import java.util.List;

/** The files the CMS export contract defines, and the SAT's monthly EHCP file. */
public final class CmsContract {

    public static final FileContract FEEDBACK_RECORDS =
            FileContract.load("contract/cms/feedback_records.yml");
    public static final FileContract ACTIONS = FileContract.load("contract/cms/actions.yml");
    public static final FileContract CONTACTS = FileContract.load("contract/cms/contacts.yml");
    public static final FileContract EHCP_MONTHLY =
            FileContract.load("contract/sat/ehcp_monthly.yml");

    /** Every file a CMS drop may hold, in load order. */
    public static final List<FileContract> CMS_FILES = List.of(FEEDBACK_RECORDS, ACTIONS, CONTACTS);

    private CmsContract() {}

    public static FileContract cmsFile(String fileName) {
        return CMS_FILES.stream()
                .filter(f -> f.file().equals(fileName))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "the CMS contract defines no file " + fileName));
    }
}
