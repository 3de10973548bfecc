using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.World;

// Customers created, found and updated through the customer API.
public sealed partial class SimulatorWorld
{
    private static readonly string[] LookupTypes = ["id", "token", "open_api_token", "email", "cellphone", "web_token", "sdk_token", "weixin_open_id"];

    internal (Refusal? Refusal, JsonObject? Customer) CreateCustomer(JsonObject fields, string? tags)
    {
        lock (gate)
        {
            var token = fields["open_api_token"]?.ToString();
            if (!string.IsNullOrEmpty(token) && customers.ContainsKey(token))
            {
                return (new Refusal(UdeskCode.SessionClosedOrMissingParameter, $"A customer with open_api_token '{token}' already exists."), null);
            }

            // Customers without an open-api token cannot use the IM API; they are kept under their id.
            var customer = AddCustomer(string.IsNullOrEmpty(token) ? $"#{lastCustomerId + 1}" : token, Copy(fields));
            customer.Tags = tags;
            return (null, Render(customer));
        }
    }

    internal (Refusal? Refusal, JsonObject? Customer) FindCustomer(string type, string content)
    {
        lock (gate)
        {
            var (refusal, customer) = Lookup(type, content);
            return (refusal, customer is null ? null : Render(customer));
        }
    }

    internal (Refusal? Refusal, JsonObject? Customer) UpdateCustomer(string type, string content, JsonObject fields, string? tags)
    {
        lock (gate)
        {
            var (refusal, customer) = Lookup(type, content);
            if (customer is null)
            {
                return (refusal, null);
            }

            if (fields["open_api_token"]?.ToString() is { Length: > 0 } token && token != customer.Token)
            {
                return (new Refusal(UdeskCode.SessionClosedOrMissingParameter, "open_api_token cannot be changed."), null);
            }

            foreach (var (name, value) in Copy(fields).ToList())
            {
                customer.Fields[name] = value?.DeepClone();
            }

            customer.Tags = tags ?? customer.Tags;
            return (null, Render(customer));
        }
    }

    private (Refusal? Refusal, CustomerRecord? Customer) Lookup(string type, string content)
    {
        if (!LookupTypes.Contains(type))
        {
            return (new Refusal(UdeskCode.SessionClosedOrMissingParameter, $"type must be one of {string.Join(", ", LookupTypes)}."), null);
        }

        var customer = type switch
        {
            "id" => customers.Values.FirstOrDefault(c => c.Id.ToString(CultureInfo.InvariantCulture) == content),
            "token" or "open_api_token" => customers.GetValueOrDefault(content),
            "cellphone" => customers.Values.FirstOrDefault(c => Cellphones(c).Contains(content)),
            _ => customers.Values.FirstOrDefault(c => c.Text(type) == content),
        };
        return customer is null ? (new Refusal(UdeskCode.SessionClosedOrMissingParameter, "Customer not found."), null) : (null, customer);
    }

    /// <summary>Numbers from <c>cellphones</c> (pairs of [id, number]) and a plain <c>cellphone</c>.</summary>
    private static IEnumerable<string> Cellphones(CustomerRecord customer)
    {
        if (customer.Text("cellphone") is { } single)
        {
            yield return single;
        }

        foreach (var pair in customer.Fields["cellphones"] as JsonArray ?? [])
        {
            if (pair is JsonArray { Count: >= 2 } entry && entry[1]?.ToString() is { } number)
            {
                yield return number;
            }
        }
    }

    /// <summary>The customer as Udesk answers it: its id, the fields it was given, and Udesk's own fields.</summary>
    private static JsonObject Render(CustomerRecord customer)
    {
        var rendered = new JsonObject { ["id"] = customer.Id };
        foreach (var (name, value) in customer.Fields)
        {
            rendered[name] = value?.DeepClone();
        }

        rendered["created_at"] = UdeskTime.Iso(customer.CreatedAt);
        if (customer.Tags is not null)
        {
            rendered["tags"] = customer.Tags;
        }

        return rendered;
    }

    /// <summary>The caller's fields, minus the ones Udesk owns.</summary>
    private static JsonObject Copy(JsonObject fields)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in fields.Where(f => f.Key is not ("id" or "created_at")))
        {
            copy[name] = value?.DeepClone();
        }

        return copy;
    }
}
