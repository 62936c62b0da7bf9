using Keukentafel.Web;

namespace Keukentafel.Tests.Web;

/// <summary>Paging a list read whole: every item once, in order, also when two items share a key.</summary>
public sealed class PageTests
{
    [Fact]
    public void Paging_one_by_one_gives_every_item_once_even_with_equal_keys()
    {
        string[] items = ["a", "b", "b", "b", "c"];
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = Pages.Of(items, i => i, cursor, 1);
            seen.AddRange(page.Items);
            cursor = page.Next;
            (++pages).ShouldBeLessThanOrEqualTo(items.Length);
        }
        while (cursor is not null);

        seen.ShouldBe(items);
    }

    [Fact]
    public void A_cursor_it_did_not_give_is_refused()
    {
        Should.Throw<DomainException>(() => Pages.Of(["a"], i => i, "!!", 1)).Code.ShouldBe("list.cursor_invalid");
        Should.Throw<DomainException>(() => Pages.Of(["a"], i => i, "eg", 1)).Code.ShouldBe("list.cursor_invalid");
    }
}
