using PlaceDeMarche.Pipeline.Collection.Http;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

public sealed class RateLimiterTests
{
    [Fact]
    public async Task The_eleventh_search_in_a_minute_waits_for_the_first_to_leave_the_window()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(10, TimeSpan.FromMinutes(1), clock);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(await limiter.WaitAsync(TimeSpan.MaxValue, CancellationToken.None));
            await clock.Delay(TimeSpan.FromSeconds(1), CancellationToken.None); // one search per second
        }

        Assert.True(await limiter.WaitAsync(TimeSpan.MaxValue, CancellationToken.None));

        // 10 searches at t = 0..9 s; at t = 10 s the 11th must wait until t = 60 s, i.e. 50 s.
        Assert.Equal(TimeSpan.FromSeconds(50), clock.Delays.Last());
        Assert.Equal(11, clock.Delays.Count);
    }

    [Fact]
    public async Task A_wait_longer_than_allowed_is_refused_at_once_and_not_counted()
    {
        var clock = new FakeClock();
        var limiter = new RateLimiter(1, TimeSpan.FromMinutes(1), clock);
        Assert.True(await limiter.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        Assert.False(await limiter.WaitAsync(TimeSpan.FromSeconds(59), CancellationToken.None));
        Assert.Empty(clock.Delays);
        Assert.True(await limiter.WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None));
        Assert.Equal([TimeSpan.FromMinutes(1)], clock.Delays);
    }
}
