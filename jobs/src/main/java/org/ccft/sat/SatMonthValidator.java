package org.ccft.sat;

import org.ccft.schemas.ColumnSpec;
import org.ccft.schemas.FileContract;
import org.springframework.batch.item.ItemProcessor;

/** The chunk step's processor: a SAT row passes only if it keeps every rule of its contract. */
public final class SatMonthValidator implements ItemProcessor<SatMonthRow, SatMonthRow> {

    private final FileContract contract;

    public SatMonthValidator(FileContract contract) {
        this.contract = contract;
    }

    @Override
    public SatMonthRow process(SatMonthRow row) {
        String month = row.get("month");
        for (ColumnSpec c : contract.columns()) {
            String v = row.get(c.name());
            if (v == null) {
                if (c.required()) {
                    throw new SatRowRejected(row.line(), "required:" + c.name(), month);
                }
                continue;
            }
            if (!c.type().accepts(v)) {
                throw new SatRowRejected(row.line(), "type:" + c.name(), month);
            }
            if (c.notAbove() != null
                    && row.get(c.notAbove()) != null
                    && c.type().accepts(row.get(c.notAbove()))
                    && Long.parseLong(v) > Long.parseLong(row.get(c.notAbove()))) {
                throw new SatRowRejected(row.line(), "not_above:" + c.name(), month);
            }
        }
        return row;
    }
}
