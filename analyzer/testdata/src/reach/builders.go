package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// A builder struct: one document field, a constructor, methods that add
// keys and return the builder, a getter.
type Query struct {
	m     bson.M
	limit int
}

func NewQuery() *Query { return &Query{m: bson.M{}} } // want NewQuery:`builder \{\}`

func ByOwner(owner string) *Query { return &Query{m: bson.M{"owner": owner}} } // want ByOwner:`builder \{owner: \$0\}`

func (q *Query) ID(id bson.ObjectID) *Query { // want ID:`option \{_id: \$0\} returns its receiver`
	q.m["_id"] = id
	return q
}

func (q *Query) Status(s string) *Query { // want Status:`option \{status: \$0\} returns its receiver`
	q.m["status"] = s
	return q
}

func (q *Query) Tenant(t string) { q.m["tenant"] = t } // want Tenant:`option \{tenant: \$0\}`

func (q *Query) BSON() bson.M { return q.m } // want BSON:`builder getter`

// Limit changes another field: it is no adder, and the builder stays known.
func (q *Query) Limit(n int) *Query {
	q.limit = n
	return q
}

func builderChain(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, NewQuery().ID(id).BSON(), bson.M{"$set": bson.M{"status": "done"}})                // want `UpdateOne sets "status" but its filter matches only "_id"`
	c.UpdateOne(ctx, NewQuery().ID(id).Status("open").BSON(), bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	c.UpdateOne(ctx, ByOwner("ann").ID(id).BSON(), bson.M{"$set": bson.M{"name": "x"}})                 // want `UpdateOne sets "name" but its filter matches only "owner", "_id"`
}

func builderVar(ctx context.Context, c *mongo.Collection, id bson.ObjectID, tenant, status string) {
	q := NewQuery()
	q.ID(id)
	if tenant != "" {
		q.Tenant(tenant)
	}
	c.UpdateOne(ctx, q.BSON(), bson.M{"$set": bson.M{"status": status}}) // want `UpdateOne sets "status" but its filter matches only "_id", "tenant"`

	g := NewQuery().ID(id)
	if status != "" {
		g = g.Status(status)
	}
	c.UpdateOne(ctx, g.BSON(), bson.M{"$set": bson.M{"status": "closed"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
}

// A builder handed to a function that may change it is unknown.
func builderPassed(ctx context.Context, c *mongo.Collection, id bson.ObjectID, more func(*Query)) {
	q := NewQuery().ID(id)
	more(q)
	c.UpdateOne(ctx, q.BSON(), bson.M{"$set": bson.M{"status": "x"}})
	c.UpdateOne(ctx, NewQuery().ID(id).Limit(2).BSON(), bson.M{"$set": bson.M{"status": "x"}})
}
