namespace Orchestrator.Udesk.Customers;

/// <summary>How <c>get_customer</c> and <c>update_customer</c> find a customer: <c>type</c> and <c>content</c>.</summary>
public sealed record CustomerLookup(string Type, string Content)
{
    public static CustomerLookup ById(long id) => new("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>By Open API token, i.e. the IM <c>customer_token</c>.</summary>
    public static CustomerLookup ByToken(string token) => new("token", token);

    public static CustomerLookup ByEmail(string email) => new("email", email);

    public static CustomerLookup ByCellphone(string cellphone) => new("cellphone", cellphone);

    public static CustomerLookup ByWebToken(string token) => new("web_token", token);

    public static CustomerLookup BySdkToken(string token) => new("sdk_token", token);
}
