// want package:`puts sessions into requests`

// Package reqsess runs each HTTP request in a session that its middleware
// puts into the request's context (driver v2).
package reqsess

import (
	"context"
	"net/http"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type API struct {
	client *mongo.Client
	users  *mongo.Collection
}

// WithSession runs next in a session and its transaction.
func (a *API) WithSession(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		sess, err := a.client.StartSession()
		if err != nil {
			return
		}
		defer sess.EndSession(r.Context())
		sc := mongo.NewSessionContext(r.Context(), sess)
		if err := sess.StartTransaction(); err != nil {
			return
		}
		next(w, r.WithContext(sc))
		sess.CommitTransaction(sc)
	}
}

// A handler's writes with the request's context may run in the session.
func (a *API) rename(w http.ResponseWriter, r *http.Request) {
	id, name := r.FormValue("id"), r.FormValue("name")
	a.users.UpdateOne(r.Context(), bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}})
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	a.users.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}})
}

// Another context is no request's: reported.
func (a *API) renameDetached(w http.ResponseWriter, r *http.Request) {
	id, name := r.FormValue("id"), r.FormValue("name")
	a.users.UpdateOne(context.Background(), bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
}

type ctxKey struct{}

// A context given values again and again stays the request's; one a
// parameter gives, rebound from itself, is no request's.
func (a *API) renameTagged(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ctx = context.WithValue(ctx, ctxKey{}, 1)
	ctx = context.WithValue(ctx, ctxKey{}, 2)
	a.users.UpdateOne(ctx, bson.M{"_id": r.FormValue("id")}, bson.M{"$set": bson.M{"name": "x"}})
}

func (a *API) save(ctx context.Context, id, name string) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	ctx = context.WithValue(ctx, ctxKey{}, 1)
	a.users.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
}
