using System.Text;
using System.Text.Encodings.Web;
using SpApi.Orders.V2026_01_01;

namespace SpApi.Samples.WebApp;

/// <summary>The sample's HTML pages; every value from outside is HTML-encoded.</summary>
public static class Pages
{
    private static string E(object? value) => HtmlEncoder.Default.Encode(value?.ToString() ?? "");

    public static IResult Home(string? sellingPartnerId) => Page("SpApi sample", sellingPartnerId is null
        ? """
          <p>Connect your Amazon seller account to let this app read your orders.</p>
          <p><a id="connect" class="button" href="/amazon/connect">Connect your Amazon account</a></p>
          """
        : $"""
          <p id="connected">Connected as seller <b>{E(sellingPartnerId)}</b>.</p>
          <p><a id="view-orders" href="/orders">View your orders</a> · <a href="/amazon/connect">Connect another account</a></p>
          """);

    public static IResult Orders(string sellingPartnerId, IReadOnlyList<Order> orders)
    {
        var rows = new StringBuilder();
        foreach (var o in orders)
            rows.Append($"<tr class=\"order\"><td class=\"order-id\">{E(o.OrderId)}</td><td>{E(o.CreatedTime?.ToString("u"))}</td>" +
                        $"<td>{E(o.SalesChannel?.MarketplaceName)}</td><td class=\"status\">{E(o.Fulfillment?.FulfillmentStatus)}</td>" +
                        $"<td>{E(o.Proceeds?.GrandTotal?.Amount)} {E(o.Proceeds?.GrandTotal?.CurrencyCode)}</td></tr>");
        return Page("Your orders", $"""
            <p>Orders of seller <b id="seller">{E(sellingPartnerId)}</b> ({orders.Count}).</p>
            <table id="orders"><thead><tr><th>Order</th><th>Created</th><th>Marketplace</th><th>Fulfillment</th><th>Total</th></tr></thead>
            <tbody>{rows}</tbody></table>
            <p><a href="/">Home</a> · <a href="/api/orders">as JSON</a></p>
            """);
    }

    public static IResult Error(string title, string message, int status) =>
        Page(title, $"""
            <div id="error" class="error"><p>{E(message)}</p></div>
            <p><a id="connect" href="/amazon/connect">Start again</a></p>
            """, status);

    private static IResult Page(string title, string body, int status = 200) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title>
        <style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem}
        .button{background:#ff9900;color:#000;padding:.5rem 1rem;text-decoration:none;border-radius:4px}.error{color:#b00}</style></head>
        <body><h1>{{E(title)}}</h1>
        {{body}}
        </body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
