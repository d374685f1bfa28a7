package io.cqlp.transfer.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanFilterTest {
  @Test
  void should_add_allow_filtering_once_to_a_condition() {
    assertThat(ScanFilter.andCondition(null)).isEmpty();
    assertThat(ScanFilter.whereClause(null)).isEmpty();
    assertThat(ScanFilter.andCondition("status='active'"))
        .isEqualTo(" AND status='active' ALLOW FILTERING");
    assertThat(ScanFilter.whereClause("a = 1 /* x */\n  AND b = 'y'"))
        .isEqualTo(" WHERE a = 1 /* x */\n  AND b = 'y' ALLOW FILTERING");
    assertThat(ScanFilter.andCondition("v > 3 allow\n  filtering"))
        .isEqualTo(" AND v > 3 allow\n  filtering");
  }
}
