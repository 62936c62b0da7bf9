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
}
