using k8s.Models;
using VmLifecycle.Api.Serialization;

namespace VmLifecycle.Api.Tests.Serialization;

public sealed class StatusJsonTests
{
    [Fact]
    public void A_failure_is_written_in_apimachinery_shape_and_order()
    {
        var status = new V1Status
        {
            Status = StatusJson.Failure,
            Code = 409,
            Reason = "Conflict",
            Message = "Operation cannot be fulfilled on virtualmachine.kubevirt.io \"vm\": VM is not running",
            Details = new V1StatusDetails
            {
                Name = "vm",
                Group = "kubevirt.io",
                Kind = "virtualmachine",
                Causes = [new V1StatusCause { Reason = "FieldValueInvalid", Message = "bad", Field = "newName" }],
            },
        };

        var json = System.Text.Encoding.UTF8.GetString(StatusJson.Serialize(status));

        Assert.Equal(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on virtualmachine.kubevirt.io \u0022vm\u0022: VM is not running","reason":"Conflict","details":{"name":"vm","group":"kubevirt.io","kind":"virtualmachine","causes":[{"reason":"FieldValueInvalid","message":"bad","field":"newName"}]},"code":409}""",
            json);
    }

    [Fact]
    public void A_success_has_no_message_reason_or_details()
    {
        var json = System.Text.Encoding.UTF8.GetString(StatusJson.Serialize(new V1Status { Status = StatusJson.Success, Code = 200 }));

        Assert.Equal("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":200}""", json);
    }

    [Fact]
    public void Empty_detail_fields_and_an_empty_reason_are_left_out()
    {
        var json = System.Text.Encoding.UTF8.GetString(StatusJson.Serialize(
            new V1Status { Status = StatusJson.Failure, Code = 500, Reason = "", Message = "", Details = new V1StatusDetails { Name = "", Causes = [] } }));

        Assert.Equal("""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"","details":{},"code":500}""", json);
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        var written = new V1Status
        {
            Status = StatusJson.Failure,
            Code = 429,
            Reason = "TooManyRequests",
            Message = "slow down",
            Details = new V1StatusDetails { Name = "n", Group = "g", Kind = "k", Uid = "u", RetryAfterSeconds = 3, Causes = [new V1StatusCause { Message = "m" }] },
        };

        var read = StatusJson.TryRead(System.Text.Encoding.UTF8.GetString(StatusJson.Serialize(written)));

        Assert.NotNull(read);
        Assert.Equal(("Status", "v1", "Failure", 429, "TooManyRequests", "slow down"), (read.Kind, read.ApiVersion, read.Status, read.Code, read.Reason, read.Message));
        Assert.Equal(("n", "g", "k", "u", 3), (read.Details.Name, read.Details.Group, read.Details.Kind, read.Details.Uid, read.Details.RetryAfterSeconds));
        Assert.Equal("m", Assert.Single(read.Details.Causes).Message);
    }

    [Fact]
    public void A_status_without_metadata_or_details_is_read()
    {
        var read = StatusJson.TryRead("""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"VMI is not paused","reason":"Conflict","code":409}""");

        Assert.Equal(("VMI is not paused", "Conflict", 409), (read?.Message, read?.Reason, read?.Code));
        Assert.Null(read?.Details);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"Status\"")]
    [InlineData("""{"kind":"Pod","message":"x"}""")]
    [InlineData("""{"message":"no kind"}""")]
    [InlineData("""{"kind":"Status","message":42}""")]
    [InlineData("""{"kind":"Status","code":"409"}""")]
    [InlineData("""{"kind":"Status","code":1e40}""")]
    [InlineData("""{"kind":"Status","details":{"causes":{}}}""")]
    [InlineData("""{"kind":"Status","details":[]}""")]
    [InlineData("""{"kind":"Status","message":"truncated""")]
    public void A_body_that_is_not_a_status_reads_as_null(string body)
    {
        Assert.Null(StatusJson.TryRead(body));
    }
}
