package io.cqlp.transfer.scan;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One page of decoded rows of one token range, with where the range's scan would go on after it.
 *
 * @param range index of the range (as given to {@link RangeScanner})
 * @param rows decoded rows, one value array per row; empty only for a range's last page
 * @param resume the driver paging state that fetches the range's rows after this page; {@code null}
 *     when {@code last}
 * @param last whether the range is finished with this page
 */
public record ScanPage(int range, List<Object[]> rows, ByteBuffer resume, boolean last) {}
