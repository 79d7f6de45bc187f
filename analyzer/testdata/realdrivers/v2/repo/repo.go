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
