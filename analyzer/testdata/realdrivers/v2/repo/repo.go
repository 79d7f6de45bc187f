// Package repo is a repository layer over the real driver v2: a helper
// and wrappers whose summaries reach package v2 as facts.
package repo

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// ByID is the filter of one document.
func ByID(id bson.ObjectID) bson.M { return bson.M{"_id": id} } // want ByID:`helper \{_id: \$0\}`

// Items wraps the items collection.
type Items struct{ C *mongo.Collection }

// Update passes its documents on and returns the driver's result.
func (r *Items) Update(ctx context.Context, filter, update any) (*mongo.UpdateResult, error) { // want Update:`wrapper UpdateOne filter \$1 update \$2 result returned`
	return r.C.UpdateOne(ctx, filter, update)
}

// Op is a request object that its setters fill and Ops.Run writes.
type Op struct{ filter, update bson.M }

func NewOp() *Op { return &Op{} } // want NewOp:`builder \{\}`

func (o *Op) Where(f bson.M) *Op { // want Where:`sets \{filter = \$0\} returns its receiver`
	o.filter = f
	return o
}

func (o *Op) Change(u bson.M) *Op { // want Change:`sets \{update = \$0\} returns its receiver`
	o.update = u
	return o
}

// Ops writes request objects.
type Ops struct{ C *mongo.Collection }

func (r *Ops) Run(ctx context.Context, op *Op) error { // want Run:`wrapper UpdateOne filter \$1.filter update \$1.update result dropped`
	_, err := r.C.UpdateOne(ctx, op.filter, op.update)
	return err
}
