package org.ccft.text;

/**
 * Text put into HTML (the dashboard, the report, the quality report): markup characters as
 * entities.
 */
public final class HtmlText {

    private HtmlText() {}

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
