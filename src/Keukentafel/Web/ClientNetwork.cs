using System.Net;
using System.Net.Sockets;

namespace Keukentafel.Web;

/// <summary>
/// The network a request comes from, for rate limits: the IPv4 address itself, or the /64 prefix of an IPv6
/// address (one household or office gets a whole /64, so counting single addresses would let it rotate freely).
/// </summary>
public static class ClientNetwork
{
    /// <summary>The client's address as the audit log keeps it.</summary>
    public static string Address(IPAddress? address) =>
        address is null ? "onbekend" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>
    /// Whether an address is inside the operator's own networks: none (an in-process or Unix socket caller), loopback,
    /// the private IPv4 ranges, IPv6 unique-local or link-local.
    /// </summary>
    public static bool IsInternal(IPAddress? address)
    {
        if (address is null || IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
    }
}
