package io.galeragen.core.podlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class LabSubnetTest {

    private final LabId lab = new LabId("ipv6", 137);

    @Test
    void ipv4LabsKeepTheirSlash24() {
        LabSubnet subnet = new LabSubnet(lab, IpFamily.IPV4);
        assertThat(subnet.address(20)).isEqualTo("10.244.137.20");
        assertThat(subnet.cidr()).isEqualTo("10.244.137.0/24");
        assertThat(subnet.nodeAddress()).isEqualTo("10.244.137.1");
        assertThat(subnet.host("10.244.137.250")).isEqualTo(250);
        assertThat(subnet.iptables()).isEqualTo("iptables-legacy");
    }

    @Test
    void ipv6LabsUseTheSameSlotsInAUniqueLocalSlash64() throws UnknownHostException {
        LabSubnet subnet = new LabSubnet(lab, IpFamily.IPV6);
        assertThat(subnet.address(20)).isEqualTo("fd00:10:244:137::20");
        assertThat(subnet.cidr()).isEqualTo("fd00:10:244:137::/64");
        assertThat(subnet.nodeAddress()).isEqualTo("fd00:10:244:137::1");
        assertThat(subnet.host("fd00:10:244:137::250")).isEqualTo(250);
        assertThat(subnet.iptables()).isEqualTo("ip6tables-legacy");
        // A literal address (no lookup), inside fc00::/7: unique local, never routed on the internet.
        InetAddress address = InetAddress.getByName(subnet.address(250));
        assertThat(address.getAddress()[0] & 0xfe).isEqualTo(0xfc);
        assertThat(address.getAddress()).hasSize(16);
    }
}
